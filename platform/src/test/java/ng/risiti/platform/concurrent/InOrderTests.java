package ng.risiti.platform.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderTests {

    /** Fails with one chain() per step: a consumer's poll of events that completed at once overflowed the stack. */
    @Test
    void stepsThatCompleteAtOnceRunInOrderWithoutGrowingTheStack() {
        List<Integer> items = IntStream.range(0, 200_000).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        InOrder.run(items, item -> {
            seen.add(item);
            return Uni.createFrom().voidItem();
        }).await().atMost(Duration.ofSeconds(30));
        assertThat(seen).containsExactlyElementsOf(items);
    }

    @Test
    void stepsThatCompleteLaterStillRunOneAfterAnother() {
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService elsewhere = Executors.newSingleThreadExecutor()) {
            InOrder.run(List.of(1, 2, 3, 4), item -> Uni.createFrom().completionStage(CompletableFuture.runAsync(() -> log.add("run " + item),
                    elsewhere)).invoke(() -> log.add("done " + item))).await().atMost(Duration.ofSeconds(10));
        }
        assertThat(log).containsExactly("run 1", "done 1", "run 2", "done 2", "run 3", "done 3", "run 4", "done 4");
    }

    @Test
    void aFailingStepStopsTheRestAndFailsTheWhole() {
        List<Integer> seen = new ArrayList<>();
        assertThatThrownBy(() -> InOrder.run(List.of(1, 2, 3), item -> {
            seen.add(item);
            return item == 2 ? Uni.createFrom().failure(new IllegalStateException("step 2")) : Uni.createFrom().voidItem();
        }).await().atMost(Duration.ofSeconds(10))).hasMessage("step 2");
        assertThat(seen).containsExactly(1, 2);
    }
}
