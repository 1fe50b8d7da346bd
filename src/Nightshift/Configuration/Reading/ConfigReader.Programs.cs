using Nightshift.Execution;
using Nightshift.Probing;

namespace Nightshift.Configuration.Reading;

internal sealed partial class ConfigReader
{
    // The probe's programs and corpus globs are checked against this machine and this checkout when the configuration
    // is read from its file: a program missing from PATH or a glob that matches nothing would otherwise pass
    // `nightshift config` and fail the night later (issue 14). A program given as a path is left alone: the build may make it.
    private void CheckCommandOnThisMachine(MappingReader section, string key)
    {
        if (_checkMachine && section.Node(key) is SequenceNode { Items: [ScalarNode program, ..] })
        {
            CheckProgram(program, KeyPath.Item(section.KeyPathOf(key), 0));
        }
    }

    private void CheckCorpusOnThisMachine(MappingReader corpus)
    {
        if (!_checkMachine)
        {
            return;
        }

        if (corpus.Node("steps") is SequenceNode steps)
        {
            for (var i = 0; i < steps.Items.Count; i++)
            {
                if (steps.Items[i] is SequenceNode { Items: [ScalarNode program, ..] })
                {
                    CheckProgram(program, KeyPath.Item(KeyPath.Item(corpus.KeyPathOf("steps"), i), 0));
                }
            }
        }

        CheckGlobs(corpus, "items");
    }

    private void CheckProgram(ScalarNode node, string path)
    {
        var program = node.Value;
        if (string.IsNullOrEmpty(program) || program.Contains('/', StringComparison.Ordinal) || program.Contains('{', StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            ExecutableLocator.Resolve(program, _repositoryRoot, Environment.GetEnvironmentVariable("PATH"));
        }
        catch (CommandStartException)
        {
            _errors.Add(node, path, $"the program '{program}' is not on PATH; install it, add its folder to PATH or give its full path");
        }
    }

    private void CheckGlobs(MappingReader corpus, string key)
    {
        var node = corpus.Node(key);
        var globs = node switch
        {
            ScalarNode scalar => [scalar],
            SequenceNode sequence => sequence.Items.OfType<ScalarNode>().ToList(),
            _ => [],
        };
        foreach (var glob in globs.Where(g => !string.IsNullOrEmpty(g.Value)))
        {
            if (CorpusItems.Find(_repositoryRoot, [glob.Value]).Count == 0)
            {
                _errors.Add(glob, corpus.KeyPathOf(key), $"'{glob.Value}' matches no file under {_repositoryRoot}; globs are relative to the folder of {Path.GetFileName(_filePath)}");
            }
        }
    }
}
