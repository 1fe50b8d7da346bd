namespace Nightshift.Configuration.Reading;

/// <summary>Collects every problem of one file, so the person fixing it sees them all at once.</summary>
internal sealed class ConfigErrors(string file)
{
    private readonly List<ConfigError> _errors = [];

    public string File { get; } = file;

    /// <summary>Every problem, in the order they appear in the file.</summary>
    public IReadOnlyList<ConfigError> All => _errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToArray();

    public int Count => _errors.Count;

    public void Add(
        int line,
        int column,
        string key,
        string problem,
        IReadOnlyList<string>? accepted = null,
        string acceptedNoun = "values",
        string? suggestion = null) =>
        _errors.Add(new ConfigError(File, line, column, key, problem)
        {
            Accepted = accepted ?? [],
            AcceptedNoun = acceptedNoun,
            Suggestion = suggestion,
        });

    public void Add(
        ConfigNode at,
        string key,
        string problem,
        IReadOnlyList<string>? accepted = null,
        string acceptedNoun = "values",
        string? suggestion = null) =>
        Add(at.Line, at.Column, key, problem, accepted, acceptedNoun, suggestion);
}
