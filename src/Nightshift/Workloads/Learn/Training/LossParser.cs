using System.Globalization;
using System.Text.RegularExpressions;

namespace Nightshift.Workloads.Learn.Training;

/// <summary>
/// Reads step/loss pairs from a trainer's log with <c>learn.train.loss_pattern</c>: a regular expression with
/// a group named <c>loss</c> and, optionally, one named <c>step</c>. Without a step group the n-th matching
/// line is step n. Lines that do not match, or whose loss is not a number, are ignored.
/// </summary>
public sealed class LossParser
{
    private readonly Regex _pattern;
    private readonly bool _hasStep;
    private int _lines;

    /// <exception cref="ArgumentException">The pattern does not compile or has no <c>loss</c> group.</exception>
    public LossParser(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        _pattern = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var groups = _pattern.GetGroupNames();
        if (!groups.Contains("loss"))
        {
            throw new ArgumentException($"The loss pattern '{pattern}' has no group named 'loss'.", nameof(pattern));
        }

        _hasStep = groups.Contains("step");
    }

    /// <summary>The loss on <paramref name="line"/>, or null when the line carries none.</summary>
    public LossPoint? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = _pattern.Match(line);
        if (!match.Success
            || !double.TryParse(match.Groups["loss"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var loss))
        {
            return null;
        }

        _lines++;
        var step = _hasStep && int.TryParse(match.Groups["step"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? s
            : _lines;
        return new LossPoint(step, loss);
    }
}
