using System.Text;
using Nightshift.Diagnostics;

namespace Nightshift.Probing;

/// <summary>A diagnostic on one line, the way compilers print it: <c>file:line:col: message</c>.</summary>
public static class DiagnosticLine
{
    /// <summary>The location parts the tool gave, then the message's first line; just the message when there is no file.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var message = diagnostic.Message.Split('\n', 2)[0].TrimEnd();
        if (diagnostic.Location is not { } location)
        {
            return message;
        }

        var text = new StringBuilder(location.File);
        if (location.Line is { } line)
        {
            text.Append(':').Append(line);
            if (location.Column is { } column)
            {
                text.Append(':').Append(column);
            }
        }

        return text.Append(": ").Append(message).ToString();
    }
}
