package dev.chorus.launcher;

import dev.chorus.client.ClientCommand;
import dev.chorus.settings.InvalidSettingException;
import dev.chorus.settings.Setting;
import dev.chorus.settings.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar chorus.jar [OPTIONS]} runs the server until SIGTERM or Ctrl-C;
 * {@code java -jar chorus.jar client [URL]} runs the tutorial client. The server's options are generated
 * from {@link Setting}, so the command line, the system properties and the environment always agree.
 */
@Command(
        name = "chorus",
        mixinStandardHelpOptions = true,
        version = "Chorus 0.1",
        description =
                "Runs the Chorus broadcast chat server: the socket at ws://HOST:PORT/, the page at http://HOST:PORT/.",
        subcommands = {ClientCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped by SIGTERM or Ctrl-C",
            "1:could not start (e.g. the port is taken)",
            "2:invalid option or setting"
        })
public final class Main implements Callable<Integer> {

    static final int CANNOT_START = 1;
    static final int INVALID_SETTING = 2;

    static {
        LogSetup.chooseManager(); // before the first logger below, or JUL has chosen its own
    }

    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        LogSetup.apply();
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command line with one option per {@link Setting}. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        for (Setting setting : Setting.values()) {
            commandLine
                    .getCommandSpec()
                    .addOption(OptionSpec.builder(setting.option())
                            .paramLabel("VALUE")
                            .type(String.class)
                            .description(setting.description() + " Default: " + setting.defaultValue() + "; also -D"
                                    + setting.property() + ", $" + setting.environmentVariable() + ".")
                            .build());
        }
        commandLine.setParameterExceptionHandler(ClientCommand.usageErrors(commandLine.getParameterExceptionHandler()));
        return commandLine;
    }

    @Override
    public Integer call() {
        Settings settings;
        try {
            settings = Settings.from(this::raw);
        } catch (InvalidSettingException e) {
            return fail(INVALID_SETTING, e.getMessage());
        }
        LogSetup.useFormat(settings.logging().format());
        ChorusServer server;
        try {
            server = ChorusServer.start(settings);
        } catch (InvalidSettingException e) {
            return fail(INVALID_SETTING, e.getMessage());
        } catch (IOException e) {
            return fail(
                    CANNOT_START,
                    "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
        }
        runUntilSignalled(server);
        return 0;
    }

    private String raw(Setting setting) {
        String given = spec.findOption(setting.option()).getValue();
        return given != null ? given : setting.fromEnvironment();
    }

    private int fail(int code, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("chorus: " + message);
        err.flush();
        return code;
    }

    /**
     * Blocks until the JVM is asked to stop; the stop closes every client with 1001 and exits 0 (a plain
     * shutdown after SIGTERM would report 143). Never reads stdin: that returns at once under CI or systemd.
     */
    private static void runUntilSignalled(ChorusServer server) {
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.log(Level.INFO, "Stopping: closing every client with 1001");
                            server.close();
                            LogSetup.flush();
                            Runtime.getRuntime().halt(0);
                        },
                        "chorus-stop"));
        try {
            forever.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
