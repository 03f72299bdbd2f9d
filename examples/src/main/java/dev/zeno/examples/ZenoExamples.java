package dev.zeno.examples;

import dev.zeno.examples.demo.DemoCommand;
import dev.zeno.examples.hello.HwClientCommand;
import dev.zeno.examples.hello.HwServerCommand;
import dev.zeno.examples.pipeline.TaskSinkCommand;
import dev.zeno.examples.pipeline.TaskVentCommand;
import dev.zeno.examples.pipeline.TaskWorkCommand;
import dev.zeno.examples.recorder.QueryCommand;
import dev.zeno.examples.recorder.RecorderCommand;
import dev.zeno.examples.weather.WuClientCommand;
import dev.zeno.examples.weather.WuServerCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: lists the roles; run without a role it asks for one. */
@Command(name = "zeno-examples",
        mixinStandardHelpOptions = true,
        version = "zeno-examples 0.1.0",
        description = "The ZeroMQ guide's examples on Zeno. With no arguments, runs the demo.",
        subcommands = {
            HwServerCommand.class, HwClientCommand.class,
            WuServerCommand.class, WuClientCommand.class,
            TaskVentCommand.class, TaskWorkCommand.class, TaskSinkCommand.class,
            DemoCommand.class, RecorderCommand.class, QueryCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the role failed (no answer, database error, a demo scenario failed)",
            "2:bad option or endpoint"
        })
public final class ZenoExamples implements java.util.concurrent.Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Options given without a role (e.g. only a stray word): tells which roles exist. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing role: one of " + spec.subcommands().keySet());
    }
}
