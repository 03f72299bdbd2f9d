package dev.zeno.examples.demo;

import dev.zeno.Context;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import dev.zeno.examples.hello.HelloServer;
import java.nio.file.Path;
import java.time.Duration;

/** Hello world: a REQ client sends "Hello" N times to a REP server that answers "World". */
final class HelloScenario implements Scenario {
    private final int roundTrips;
    private final Duration replyTimeout;

    HelloScenario(int roundTrips, Duration replyTimeout) {
        this.roundTrips = roundTrips;
        this.replyTimeout = replyTimeout;
    }

    @Override
    public String name() {
        return "hello/world";
    }

    @Override
    public String run(Context ctx, DemoTransport transport, Path ipcDirectory) throws Exception {
        Socket rep = ctx.socket(SocketType.REP);
        String endpoint = transport.bind(rep, "hello", ipcDirectory);
        PeerThreads peers = new PeerThreads(name());
        peers.start("server", () -> new HelloServer(rep, Duration.ZERO, request -> { }).serve(roundTrips));

        Socket req = ctx.socket(SocketType.REQ);
        req.setReceiveTimeout(replyTimeout);
        req.connect(endpoint);
        long start = System.nanoTime();
        for (int i = 0; i < roundTrips; i++) {
            req.send("Hello");
            String reply = req.receiveString();
            if (reply == null) {
                peers.check();
                throw new ScenarioFailure("no reply to request " + (i + 1) + " of " + roundTrips
                        + " within " + replyTimeout.toMillis() + " ms");
            }
            if (!HelloServer.REPLY.equals(reply)) {
                throw new ScenarioFailure("request " + (i + 1) + " got '" + reply + "' instead of 'World'");
            }
        }
        long nanos = System.nanoTime() - start;
        peers.join(1000);
        peers.check();
        return roundTrips + " round trips in " + Rates.millis(nanos) + " (" + Rates.rate(roundTrips, nanos) + ")";
    }
}
