package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** state.json, which a fresh ./risiti up writes from several threads at once while ./risiti up --detach reads it. */
class StateFileTests {

    @TempDir
    Path dir;

    @Test
    void stateJsonWrittenFromManyThreadsAtOnceIsAlwaysWholeNeverFailsAndEndsWithTheLatestPicture() throws Exception {
        Path path = dir.resolve("state.json");
        StateFile file = new StateFile(path);
        AtomicInteger version = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        int writers = 12;
        int writesEach = 150;
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger unreadable = new AtomicInteger();

        Thread reader = Thread.ofPlatform().start(() -> {
            while (writing.get()) {
                if (Files.exists(path)) {
                    reads.incrementAndGet();
                    if (StackState.read(path).isEmpty() && Files.exists(path)) {
                        unreadable.incrementAndGet();
                    }
                }
            }
        });
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (int i = 0; i < writesEach; i++) {
                        file.write(() -> state(version.incrementAndGet()));
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        writing.set(false);
        reader.join();

        assertThat(failures).as("writes that failed (./risiti up would print 'warning: cannot write')").isEmpty();
        assertThat(reads.get()).as("reads while writing").isPositive();
        assertThat(unreadable.get()).as("reads that found a half-written file").isZero();
        assertThat(StackState.read(path)).get().extracting(StackState::readyAfterMs)
                .as("the last picture taken is the one on disk").isEqualTo((long) writers * writesEach);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("temp files left behind").containsExactly(path);
        }
    }

    @Test
    void stateJsonIsReadableOnlyByItsOwnerBecauseItHoldsTheControlToken() throws Exception {
        Path path = dir.resolve("state.json");
        new StateFile(path).write(() -> state(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    }

    private static StackState state(int version) {
        return new StackState(StackState.STARTING, 1, "2026-01-01T00:00:00Z", (long) version, null, 40000, "token",
                List.of(new StackState.Component("kafka", "127.0.0.1:9092", 9092, 42, "tcp:127.0.0.1:9092", null)));
    }
}
