using System.Text;
using System.Text.RegularExpressions;

namespace Nightshift.Diagnostics.Crashes;

/// <summary>The normalizations behind <see cref="CrashSignature"/>: what varies between two reports of one crash goes.</summary>
internal static partial class SignatureText
{
    public static string Frame(CrashFrame frame)
    {
        var function = IsUnknown(frame.Function) ? "" : Function(frame.Function);
        var file = frame.File is null ? null : FileName(frame.File);
        return (function, file) switch
        {
            ("", null) => Symbolless(frame),
            (_, null) => function,
            ("", _) => $"({file})",
            _ => $"{function} ({file})",
        };
    }

    /// <summary>
    /// A frame without symbols is where it lies in its module ("worldserver.exe+0001:003F41D4", "libfoo.so+0x1b2"), or its
    /// module alone when the report gives only an absolute address: the load address changes with every start (issue 18).
    /// </summary>
    public static string Symbolless(CrashFrame frame) => frame.Module is not { } module
        ? "??"
        : frame.Offset is { } offset ? $"{FileName(module).ToLowerInvariant()}+{Offset(offset)}" : FileName(module).ToLowerInvariant();

    // The fault line and the call stack print one section:offset at different widths ("01:0000000000029A10", "0001:00029A10").
    private static string Offset(string offset) =>
        string.Join(':', offset.Split(':').Select(part => part.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? part[2..] : part)
            .Select(part => part.TrimStart('0') is { Length: > 0 } digits ? digits.ToUpperInvariant() : "0"));

    /// <summary>Whether the frame says where it is in a way that survives a restart: a function, a file, or a module.</summary>
    public static bool IsLocated(CrashFrame frame) => !IsUnknown(frame.Function) || frame.File is not null || frame.Module is not null;

    public static bool IsUnknown(string function) =>
        function.Length == 0 || function is "??" or "?" or "<unknown>";

    /// <summary>
    /// Strips what is noise to a human reading two reports side by side: argument lists, template
    /// and generic arguments, generic arity (`1), Rust's symbol hash (::h0123456789abcdef),
    /// offsets (+0x1a), addresses and the numbers of compiler-generated names (d__3, b__0_1).
    /// </summary>
    public static string Function(string function)
    {
        var text = function.Trim();
        text = AsyncStateMachine().Replace(text, "$1");
        text = RustHash().Replace(text, "");
        text = Offset().Replace(text, "");
        text = StripBalanced(text, '(', ')', keepLeading: false);
        text = StripBalanced(text, '<', '>', keepLeading: true);
        text = StripBalanced(text, '[', ']', keepLeading: false);
        text = GenericArity().Replace(text, "");
        text = GeneratedNumber().Replace(text, "$1");
        text = Address().Replace(text, "0x?");
        return text.Trim();
    }

    /// <summary>The message without addresses and numbers (ids, sizes, counts), on one line, at most 200 characters.</summary>
    public static string Message(string message)
    {
        // Windows handlers print addresses as bare hex ("at 00007FF6F1A2B3C4"): as variable as 0x ones.
        var text = BareAddress().Replace(Address().Replace(message, "<address>"), "<address>");
        text = Whitespace().Replace(Numbers().Replace(text, "N"), " ").Trim();
        return text.Length <= 200 ? text : text[..200];
    }

    private static string FileName(string file)
    {
        var slash = file.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? file : file[(slash + 1)..];
    }

    /// <summary>
    /// Removes bracketed groups that follow a name (vector&lt;int&gt;, Foo(int), List[T]). With
    /// <paramref name="keepLeading"/>, a group that starts the name or a path segment stays:
    /// Python's &lt;module&gt;, .NET's &lt;Main&gt;b__0 and Rust's &lt;T as Trait&gt; are names, not arguments.
    /// </summary>
    private static string StripBalanced(string text, char open, char close, bool keepLeading)
    {
        var result = new StringBuilder(text.Length);
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == open && (depth > 0 || !keepLeading || (result.Length > 0 && IsNameChar(result[^1]))))
            {
                depth++;
                continue;
            }

            if (depth > 0)
            {
                if (c == close)
                    depth--;
                else if (c == open)
                    depth++;
                continue;
            }

            result.Append(c);
        }

        return depth > 0 ? text : result.ToString();
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '~' or '>';

    // Older runtimes print an async method as its state machine: Foo.<LoadAsync>d__3.MoveNext().
    [GeneratedRegex(@"<(\w+)>d__\d+\.MoveNext")]
    private static partial Regex AsyncStateMachine();

    [GeneratedRegex(@"::h[0-9a-f]{16}\b")]
    private static partial Regex RustHash();

    [GeneratedRegex(@"\s*\+\s*0x[0-9a-fA-F]+")]
    private static partial Regex Offset();

    [GeneratedRegex(@"`\d+")]
    private static partial Regex GenericArity();

    [GeneratedRegex(@"\b([a-zA-Z]__)\d+(_\d+)?")]
    private static partial Regex GeneratedNumber();

    [GeneratedRegex(@"0x[0-9a-fA-F]+")]
    private static partial Regex Address();

    [GeneratedRegex(@"\b(?=[0-9A-Fa-f]*\d)[0-9A-Fa-f]{8,16}\b")]
    private static partial Regex BareAddress();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
