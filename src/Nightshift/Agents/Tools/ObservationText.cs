using Nightshift.Execution;

namespace Nightshift.Agents.Tools;

/// <summary>Keeps observations within the model's budget the way the runner keeps output: head and tail.</summary>
internal static class ObservationText
{
    public static string Clip(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var capture = new OutputCapture(limit);
        capture.Append(text);
        return capture.ToString();
    }
}
