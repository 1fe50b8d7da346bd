using System.Text.RegularExpressions;

namespace Nightshift.Configuration.Reading;

internal sealed partial class ConfigReader
{
    private static readonly string[] _limitsKeys =
        ["hours", "max_cost_usd", "min_cluster_size", "attempts_per_cluster", "max_consecutive_rejections", "workers", "stop_if_tests_broken", "min_free_disk"];

    private static readonly string[] _landingKeys = ["branch", "ticket", "ticket_start", "pending", "push", "remote", "pull_request"];
    private static readonly string[] _policyKeys = ["protected", "max_diff_lines", "cluster_tolerance", "new_warnings", "forbid_suppressions"];

    private static LimitsConfig ReadLimits(MappingReader root)
    {
        var defaults = new LimitsConfig();
        if (root.Section("limits", _limitsKeys) is not { } limits)
        {
            return defaults;
        }

        return new LimitsConfig
        {
            TimeBudget = limits.Duration("hours") ?? defaults.TimeBudget,
            MaxCostUsd = limits.Number("max_cost_usd"),
            MinClusterSize = limits.Integer("min_cluster_size", 1) ?? defaults.MinClusterSize,
            AttemptsPerCluster = limits.Integer("attempts_per_cluster", 1) ?? defaults.AttemptsPerCluster,
            MaxConsecutiveRejections = limits.Integer("max_consecutive_rejections", 1) ?? defaults.MaxConsecutiveRejections,
            Workers = limits.Integer("workers", 1, Parallelism.MaxWorkers, "each worker runs an agent, a build and the tests at once") ?? defaults.Workers,
            StopIfTestsBroken = limits.Boolean("stop_if_tests_broken") ?? defaults.StopIfTestsBroken,
            MinFreeDiskBytes = limits.ByteSize("min_free_disk") ?? defaults.MinFreeDiskBytes,
        };
    }

    private static LandingConfig ReadLanding(MappingReader root)
    {
        var defaults = new LandingConfig();
        if (root.Section("landing", _landingKeys) is not { } landing)
        {
            return defaults;
        }

        var config = new LandingConfig
        {
            Branch = landing.Read("branch", ReadBranch) ?? defaults.Branch,
            Ticket = landing.Read("ticket", ReadTicket) ?? defaults.Ticket,
            TicketStart = landing.Integer("ticket_start", 1) ?? defaults.TicketStart,
            Pending = landing.Choice<PendingChanges>("pending") ?? defaults.Pending,
            Push = landing.Boolean("push") ?? defaults.Push,
            Remote = landing.Read("remote", ReadRemote) ?? defaults.Remote,
            PullRequest = landing.Choice<PullRequestHost>("pull_request") ?? defaults.PullRequest,
        };
        if (config.PullRequest != PullRequestHost.None && !config.Push)
        {
            landing.Problem(
                "pull_request",
                "a pull request is opened from the session branch on the remote, and landing.push is off; set 'push: true' as well",
                atKey: true);
        }

        return config;
    }

    private static string? ReadBranch(ConfigErrors errors, ConfigNode node, string path)
    {
        if (Values.Text(errors, node, path, "a branch name") is not { } branch
            || !Values.Placeholders(errors, node, path, branch, LandingConfig.BranchPlaceholders))
        {
            return null;
        }

        // git check-ref-format's rules that a placeholder cannot fix later.
        var bare = branch.Replace("{date}", "d", StringComparison.Ordinal).Replace("{time}", "t", StringComparison.Ordinal)
            .Replace("{session}", "s", StringComparison.Ordinal);
        if (InvalidRef().IsMatch(bare) || bare.StartsWith('/') || bare.EndsWith('/') || bare.EndsWith(".lock", StringComparison.Ordinal) || bare.StartsWith('-'))
        {
            errors.Add(node, path, $"'{branch}' is not a valid git branch name (no spaces, '..', '~', '^', ':', '?', '*', '[', '\\', and no leading or trailing '/')");
            return null;
        }

        return branch;
    }

    private static string? ReadTicket(ConfigErrors errors, ConfigNode node, string path)
    {
        string[] accepted = ["{n}", "{n:0000}"];
        if (Values.Text(errors, node, path, "a ticket template") is not { } ticket
            || !Values.Placeholders(errors, node, path, LandingConfig.TicketNumber().Replace(ticket, ""), accepted))
        {
            return null;
        }

        if (!LandingConfig.TicketNumber().IsMatch(ticket))
        {
            errors.Add(node, path, $"'{ticket}' has no place for the fix's number; include {{n}}, or {{n:0000}} to pad it with zeros", accepted, "placeholders");
            return null;
        }

        return ticket;
    }

    private static string? ReadRemote(ConfigErrors errors, ConfigNode node, string path)
    {
        var remote = Values.Text(errors, node, path, "a git remote name");
        if (remote is not null && (remote.Length == 0 || remote.Any(char.IsWhiteSpace)))
        {
            errors.Add(node, path, $"'{remote}' is not a git remote name");
            return null;
        }

        return remote;
    }

    private PolicyConfig ReadPolicy(MappingReader root)
    {
        var defaults = PolicyConfig.DefaultsFor(Path.GetRelativePath(_repositoryRoot, _filePath).Replace('\\', '/'));
        if (root.Section("policy", _policyKeys) is not { } policy)
        {
            return defaults;
        }

        return new PolicyConfig
        {
            Protected = policy.TextList("protected", "glob", allowSingle: true) ?? defaults.Protected,
            MaxDiffLines = policy.Integer("max_diff_lines", 1) ?? defaults.MaxDiffLines,
            ClusterTolerance = policy.Integer("cluster_tolerance", 0) ?? defaults.ClusterTolerance,
            NewWarnings = policy.Choice<NewWarnings>("new_warnings") ?? defaults.NewWarnings,
            ForbidSuppressions = policy.Boolean("forbid_suppressions") ?? defaults.ForbidSuppressions,
        };
    }

    [GeneratedRegex(@"\.\.|[\s~^:?*\[\\]|@\{|//")]
    private static partial Regex InvalidRef();
}
