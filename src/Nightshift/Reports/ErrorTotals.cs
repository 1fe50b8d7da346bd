namespace Nightshift.Reports;

/// <summary>Errors and warnings in the session's first and last snapshot.</summary>
public sealed record ErrorTotals(int ErrorsBefore, int ErrorsAfter, int WarningsBefore, int WarningsAfter);
