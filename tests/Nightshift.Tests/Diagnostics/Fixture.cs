namespace Nightshift.Tests.Diagnostics;

/// <summary>Captured tool output under Fixtures/ (see Fixtures/regenerate.sh for how each was made).</summary>
public static class Fixture
{
    public static string Read(string relative) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relative));
}
