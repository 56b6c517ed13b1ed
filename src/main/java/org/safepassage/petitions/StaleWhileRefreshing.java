package org.safepassage.petitions;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One background read per key at a time; callers wait a moment for it, and otherwise (or if it fails) answer
 * with the last value they had. Keeps pages and counters answering while the database is slow or away.
 */
final class StaleWhileRefreshing<K, V> {

	static final long PATIENCE_MILLIS = 250;

	private final Map<K, CompletableFuture<V>> reads = new ConcurrentHashMap<>();

	private final Executor executor = Executors.newVirtualThreadPerTaskExecutor();

	V refresh(K key, Supplier<V> read, V stale) {
		return refresh(key, read, stale, PATIENCE_MILLIS);
	}

	V refresh(K key, Supplier<V> read, V stale, long patienceMillis) {
		CompletableFuture<V> mine = new CompletableFuture<>();
		CompletableFuture<V> running = reads.putIfAbsent(key, mine);
		if (running == null) {
			running = mine;
			executor.execute(() -> {
				try {
					mine.complete(read.get());
				}
				catch (Throwable e) {
					mine.completeExceptionally(e);
				}
				finally {
					reads.remove(key, mine);
				}
			});
		}
		try {
			return running.get(patienceMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return stale;
		}
		catch (ExecutionException | TimeoutException e) {
			return stale;
		}
	}
}
