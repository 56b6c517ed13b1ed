package org.safepassage.petitions.domain;

import java.time.Duration;
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
 * Copies of values read from the database, fresh for a while. An older copy is refreshed
 * by one background read per key; callers wait a moment for it and otherwise (or if it
 * fails) get the older copy, so pages and counters keep answering while the database is
 * slow or away.
 */
public final class RecentCopies<K, V> {

	static final long PATIENCE_MILLIS = 250;

	private record Copy<V>(V value, long readAtNanos) {
	}

	private final long freshForNanos;

	private final Map<K, Copy<V>> copies = new ConcurrentHashMap<>();

	private final Map<K, CompletableFuture<V>> reads = new ConcurrentHashMap<>();

	private final Executor executor = Executors.newVirtualThreadPerTaskExecutor();

	public RecentCopies(Duration freshFor) {
		this.freshForNanos = freshFor.toNanos();
	}

	/** The value; with no copy yet, read now and let a failure propagate. */
	public V get(K key, Supplier<V> read) {
		Copy<V> copy = copies.get(key);
		if (copy == null) {
			return readAndKeep(key, read);
		}
		return isFresh(copy) ? copy.value() : await(refresh(key, read), copy.value(), PATIENCE_MILLIS);
	}

	/**
	 * The value; with no copy yet, wait up to {@code patienceMillis} for one, else answer
	 * {@code none}.
	 */
	public V get(K key, Supplier<V> read, V none, long patienceMillis) {
		Copy<V> copy = copies.get(key);
		if (copy == null) {
			return await(refresh(key, read), none, patienceMillis);
		}
		return isFresh(copy) ? copy.value() : await(refresh(key, read), copy.value(), PATIENCE_MILLIS);
	}

	void forget(K key) {
		copies.remove(key);
	}

	private boolean isFresh(Copy<V> copy) {
		return System.nanoTime() - copy.readAtNanos() < freshForNanos;
	}

	private V readAndKeep(K key, Supplier<V> read) {
		long readAt = System.nanoTime();
		V value = read.get();
		copies.put(key, new Copy<>(value, readAt));
		return value;
	}

	private CompletableFuture<V> refresh(K key, Supplier<V> read) {
		CompletableFuture<V> mine = new CompletableFuture<>();
		CompletableFuture<V> running = reads.putIfAbsent(key, mine);
		if (running != null) {
			return running;
		}
		executor.execute(() -> {
			try {
				mine.complete(readAndKeep(key, read));
			}
			catch (Throwable e) {
				mine.completeExceptionally(e);
			}
			finally {
				reads.remove(key, mine);
			}
		});
		return mine;
	}

	private static <V> V await(CompletableFuture<V> read, V fallback, long patienceMillis) {
		try {
			return read.get(patienceMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return fallback;
		}
		catch (ExecutionException | TimeoutException e) {
			return fallback;
		}
	}

}
