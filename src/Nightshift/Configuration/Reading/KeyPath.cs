namespace Nightshift.Configuration.Reading;

/// <summary>Dotted key paths as errors show them: <c>probe.corpus.steps[1]</c>.</summary>
internal static class KeyPath
{
    public static string Child(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
