package io.aftercare.dispatch;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;

/** Runs one drain per node, all released at the same instant, as nodes of a cluster would. */
final class Drains {

    private Drains() {}

    /** @return how many texts each node handled, in the order of {@code nodes} */
    static List<Integer> together(Dispatcher dispatcher, String... nodes) {
        CyclicBarrier start = new CyclicBarrier(nodes.length);
        List<CompletableFuture<Integer>> drains = Stream.of(nodes)
                .map(node -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return dispatcher.drain(node);
                }))
                .toList();
        return drains.stream().map(CompletableFuture::join).toList();
    }
}
