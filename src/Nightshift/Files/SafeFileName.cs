using System.Text;

namespace Nightshift.Files;

/// <summary>
/// Turns a task id or key (<c>rustc:error:E0308</c>, <c>t-12/attempt 2</c>) into one file name that is the
/// same on every file system: no separators, no characters a shell or Windows would choke on.
/// </summary>
internal static class SafeFileName
{
    private const int MaxLength = 120;

    /// <summary>Letters, digits, '.', '-' and '_' are kept; anything else becomes '_'; no leading dot.</summary>
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var safe = new StringBuilder(Math.Min(name.Length, MaxLength));
        foreach (var c in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
            if (safe.Length == MaxLength)
            {
                break;
            }
        }

        // A leading dot would hide the file, and "." or ".." would name a directory.
        var text = safe.ToString().TrimStart('.');
        return text.Length == 0 ? "_" : text;
    }
}
