using System.Globalization;

namespace Nightshift.Git;

public sealed partial class GitRepository
{
    private const char UnitSeparator = '\u001f';
    private const char RecordSeparator = '\u001e';

    /// <summary>
    /// The commits of <paramref name="range"/> (e.g. <c>base..refs/heads/nightshift/2026-11-22</c>), newest first, with
    /// the trailers git parses from their messages; at most <paramref name="maxCount"/> when given.
    /// </summary>
    public async Task<IReadOnlyList<CommitTrailers>> CommitsWithTrailersAsync(string range, int? maxCount, CancellationToken cancellationToken)
    {
        string[] limit = maxCount is { } count ? [$"--max-count={count.ToString(CultureInfo.InvariantCulture)}"] : [];
        var output = await RunCheckedAsync(
            new GitCall(["log", "--no-color", "--format=%H%x1f%(trailers:only,unfold)%x1e", .. limit, range, "--"]), cancellationToken)
            .ConfigureAwait(false);
        var commits = new List<CommitTrailers>();
        foreach (var record in output.Split(RecordSeparator))
        {
            var parts = record.Trim('\n').Split(UnitSeparator);
            if (parts is not [var sha, var trailers])
            {
                continue;
            }

            var pairs = trailers.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(':', 2))
                .Where(pair => pair.Length == 2)
                .Select(pair => KeyValuePair.Create(pair[0].Trim(), pair[1].Trim()))
                .ToList();
            commits.Add(new CommitTrailers(sha, pairs));
        }

        return commits;
    }

    /// <summary>The subjects (first lines) of the latest <paramref name="maxCount"/> commits of <paramref name="revision"/>, newest first.</summary>
    public async Task<IReadOnlyList<string>> CommitSubjectsAsync(string revision, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var output = await RunCheckedAsync(
            new GitCall(["log", "--no-color", "--format=%s", $"--max-count={maxCount.ToString(CultureInfo.InvariantCulture)}", revision, "--"]),
            cancellationToken).ConfigureAwait(false);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The full message of <paramref name="commit"/>.</summary>
    public Task<string> CommitMessageAsync(string commit, CancellationToken cancellationToken) =>
        RunCheckedAsync(GitCall.Of("show", "--no-patch", "--no-color", "--format=%B", commit, "--"), cancellationToken);

    /// <summary>
    /// The latest <paramref name="maxCount"/> commits of <paramref name="revision"/> that touched any of <paramref name="paths"/>
    /// (repository-relative), newest first.
    /// </summary>
    public async Task<IReadOnlyList<CommitSummary>> CommitsTouchingAsync(
        string revision, IReadOnlyList<string> paths, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        if (paths.Count == 0)
        {
            return [];
        }

        var output = await RunCheckedAsync(
            new GitCall(["log", "--no-color", "--format=%H%x1f%aI%x1f%an%x1f%s%x1e",
                $"--max-count={maxCount.ToString(CultureInfo.InvariantCulture)}", revision, "--", .. paths]),
            cancellationToken).ConfigureAwait(false);
        var commits = new List<CommitSummary>();
        foreach (var record in output.Split(RecordSeparator))
        {
            if (record.Trim('\n').Split(UnitSeparator) is [var sha, var date, var author, var subject])
            {
                commits.Add(new CommitSummary(sha, DateTimeOffset.Parse(date, CultureInfo.InvariantCulture), author, subject));
            }
        }

        return commits;
    }
}
