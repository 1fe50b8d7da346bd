using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Nightshift.Reports;
using Nightshift.Store;
using Nightshift.Tests.Support;

namespace Nightshift.Tests.Reports;

/// <summary>
/// A temp repository whose journal holds <see cref="NightJournal"/>'s two nights (or <see cref="CrashJournal"/>'s crash-watch
/// session), and helpers to report on it.
/// </summary>
internal sealed class ReportFixture : IDisposable
{
    private readonly TempDir _repo = new("report");

    public string Root => _repo.Path;

    public string NightshiftDirectory => _repo[".nightshift"];

    public static Task<ReportFixture> CreateAsync() => CreateAsync(NightJournal.WriteAsync);

    public static Task<ReportFixture> CreateCrashWatchAsync() => CreateAsync(CrashJournal.WriteAsync);

    private static async Task<ReportFixture> CreateAsync(Func<string, Task> writeJournal)
    {
        var fixture = new ReportFixture();
        fixture._repo.Write("nightshift.yml", "version: 1\n");
        await writeJournal(fixture.NightshiftDirectory);
        return fixture;
    }

    public async Task<ReportData> LoadAsync(long? sessionId = null, ReportTargets? targets = null)
    {
        await using var journal = Journal.Open(Path.Combine(NightshiftDirectory, "nightshift.db"));
        return await ReportLoader.LoadAsync(journal, sessionId, targets ?? ReportTargets.Default, NightJournal.Morning, CancellationToken.None);
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public void Dispose() => _repo.Dispose();
}
