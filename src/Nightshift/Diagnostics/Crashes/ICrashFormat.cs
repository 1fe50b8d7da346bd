namespace Nightshift.Diagnostics.Crashes;

/// <summary>
/// One crash report format. <see cref="Matches"/> is a cheap look at the text's markers;
/// <see cref="Parse"/> returns null for text that looks like the format but is not a whole
/// report (a half-written file), and never throws.
/// </summary>
internal interface ICrashFormat
{
    bool Matches(string text);

    CrashRecord? Parse(string text);
}
