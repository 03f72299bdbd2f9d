package dev.zeno.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zeno.Context;
import dev.zeno.Message;
import dev.zeno.Socket;
import dev.zeno.SocketType;
import dev.zeno.examples.ExitCodes;
import dev.zeno.examples.support.RoleRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Hello world's server loop and the Lazy Pirate client, over inproc. */
class HelloTest {
    @Test
    void serverAnswersWorldToEveryRequest() throws Exception {
        try (Context ctx = new Context()) {
            Socket rep = ctx.socket(SocketType.REP);
            rep.bind("inproc://hello");
            List<String> seen = new CopyOnWriteArrayList<>();
            Thread server = new Thread(() -> {
                try {
                    new HelloServer(rep, Duration.ZERO, seen::add).serve(3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            try (LazyPirate client = new LazyPirate(ctx, "inproc://hello", Duration.ofSeconds(5), 1, w -> { })) {
                for (int i = 0; i < 3; i++) {
                    assertEquals("World", client.request("Hello"));
                }
            }
            server.join(5000);
            assertEquals(List.of("Hello", "Hello", "Hello"), seen);
        }
    }

    @Test
    void lazyPirateResendsOnAFreshSocketAfterATimeout() throws Exception {
        try (Context ctx = new Context()) {
            // a ROUTER stands in for a server that loses the first request and answers the next
            Socket router = ctx.socket(SocketType.ROUTER);
            router.bind("inproc://flaky");
            Thread server = new Thread(() -> {
                router.receive(); // lost
                Message second = router.receive();
                Message reply = new Message();
                reply.add(second.frame(0)).add(new byte[0]).add("World");
                router.send(reply);
            });
            server.start();
            List<String> warnings = new ArrayList<>();
            try (LazyPirate client = new LazyPirate(ctx, "inproc://flaky", Duration.ofMillis(300), 3, warnings::add)) {
                assertEquals("World", client.request("Hello"));
            }
            server.join(5000);
            assertEquals(1, warnings.size(), warnings.toString());
        }
    }

    @Test
    void lazyPirateGivesUpAfterItsTries() {
        try (Context ctx = new Context();
             LazyPirate client = new LazyPirate(ctx, "inproc://nobody", Duration.ofMillis(100), 2, w -> { })) {
            ServerUnavailableException e = assertThrows(ServerUnavailableException.class, () -> client.request("Hello"));
            assertTrue(e.getMessage().contains("inproc://nobody"), e.getMessage());
        }
    }

    @Test
    void clientWithoutServerExitsNonZeroWithAClearMessage() {
        RoleRun run = RoleRun.of("hwclient", "--connect", "inproc://nobody", "--timeout-ms", "100", "--retries", "3");
        assertEquals(ExitCodes.FAILURE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("seems to be offline"), run.toString());
        assertTrue(run.err().contains("retrying"), run.toString());
    }
}
