package dev.zeno.check;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import java.time.Duration;

/**
 * The README's REQ/REP snippet, as an outside program writes it. It binds an ephemeral port
 * rather than 5555 so that it never collides with a server already running there, and waits
 * at most ten seconds for each message, so a broken build fails instead of hanging.
 */
public final class HelloWorld {
    private HelloWorld() {
    }

    /** Exits 0 after one hello/world exchange over tcp; 1 if a message did not come. */
    public static void main(String[] args) {
        String bind = args.length > 0 ? args[0] : "tcp://*:*";
        try (Context ctx = new Context();
             Socket rep = ctx.socket(SocketType.REP);
             Socket req = ctx.socket(SocketType.REQ)) {
            rep.setReceiveTimeout(Duration.ofSeconds(10));
            req.setReceiveTimeout(Duration.ofSeconds(10));
            rep.bind(bind);
            String bound = rep.lastEndpoint();
            String port = bound.substring(bound.lastIndexOf(':') + 1);
            req.connect("tcp://localhost:" + port);
            req.send("Hello");
            String hello = rep.receiveString();
            rep.send("World");
            String world = req.receiveString();
            if (!"Hello".equals(hello) || !"World".equals(world)) {
                System.err.println("library check: expected Hello/World over " + bound + ", got " + hello + "/" + world);
                System.exit(1);
            }
            System.out.println("library check: " + hello + " " + world + " over " + bound + " ("
                    + (HelloWorld.class.getModule().isNamed() ? "module path" : "class path") + ")");
        }
    }
}
