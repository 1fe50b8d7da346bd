namespace Nightshift.Testing;

/// <summary>
/// A test results file could not be read as its configured format. Not fatal: the item or the
/// attempt it belongs to fails, the night goes on.
/// </summary>
public sealed class TestResultsFormatException(string message, Exception? innerException = null)
    : NightshiftException(message, isFatal: false, innerException);
