package dev.chorus.client;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Reports a usage error of {@code chorus client} in one line ({@code chorus client: …}) with exit code 2,
 * never the whole usage text; errors of other commands go to the handler it wraps. Picocli asks the root
 * command's handler, whichever command failed, so the root installs this one.
 */
final class UsageErrors implements IParameterExceptionHandler {

    private final IParameterExceptionHandler others;

    UsageErrors(IParameterExceptionHandler others) {
        this.others = others;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) throws Exception {
        CommandLine failing = e.getCommandLine();
        if (!(failing.getCommand() instanceof ClientCommand)) {
            return others.handleParseException(e, args);
        }
        ConsoleOutput.println(failing.getErr(), "chorus client: " + e.getMessage() + " (see chorus client --help)");
        return ExitCodes.USAGE;
    }
}
