package org.safepassage.petitions.domain;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of values read from the database, fresh for a while. An older copy is refreshed
 * by one background read per key; callers wait a moment for it and otherwise (or if it
 * fails) get the older copy, so pages and counters keep answering while the database is
 * slow or away.
 * <p>
 * Bounded, as the keys come from anonymous requests: at most {@code maximumSize} copies,
 * each forgotten after {@link #FORGOTTEN_AFTER} unread (a copy read during an outage
 * stays), and nothing is kept for a key whose read finds nothing (returns null), so
 * made-up ids leave nothing behind. Background reads run on {@link #READERS} threads per
 * instance.
 */
public final class RecentCopies<K, V> {

	private static final Logger log = LoggerFactory.getLogger(RecentCopies.class);

	static final long PATIENCE_MILLIS = 250;

	static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

	static final int READERS = 2;

	private record Copy<V>(V value, long readAtNanos) {
	}

	private final long freshForNanos;

	private final Ticker ticker;

	private final Function<K, V> read;

	private final ThreadPoolExecutor readers;

	private final LoadingCache<K, Copy<V>> copies;

	/**
	 * @param read reads the value of a key from the database; null when there is none
	 */
	public RecentCopies(Duration freshFor, long maximumSize, Function<K, V> read) {
		this(freshFor, maximumSize, read, Ticker.systemTicker());
	}

	RecentCopies(Duration freshFor, long maximumSize, Function<K, V> read, Ticker ticker) {
		this.freshForNanos = freshFor.toNanos();
		this.ticker = ticker;
		this.read = read;
		// At most one background read per key is queued or running, so the queue never
		// holds more than the cache.
		this.readers = new ThreadPoolExecutor(READERS, READERS, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>((int) Math.min(maximumSize, Integer.MAX_VALUE)),
				Thread.ofPlatform().daemon().name("recent-copies-", 0).factory());
		this.readers.allowCoreThreadTimeOut(true);
		this.copies = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterAccess(FORGOTTEN_AFTER)
			.ticker(ticker)
			.build(new Reads());
	}

	/**
	 * The value, or null if there is none; with no copy yet, read now and let a failure
	 * propagate.
	 */
	public V get(K key) {
		Copy<V> copy = this.copies.get(key);
		return copy == null ? null : current(key, copy);
	}

	/**
	 * The value; with no copy yet, wait up to {@code patienceMillis} for one, else answer
	 * {@code none}.
	 */
	public V get(K key, V none, long patienceMillis) {
		Copy<V> copy = this.copies.getIfPresent(key);
		if (copy != null) {
			return current(key, copy);
		}
		Copy<V> read = awaitRefresh(key, null, patienceMillis);
		return read == null ? none : read.value();
	}

	public void forget(K key) {
		this.copies.invalidate(key);
	}

	/** How many copies are held. */
	public long size() {
		this.copies.cleanUp();
		return this.copies.estimatedSize();
	}

	private V current(K key, Copy<V> copy) {
		if (this.ticker.read() - copy.readAtNanos() < this.freshForNanos) {
			return copy.value();
		}
		Copy<V> refreshed = awaitRefresh(key, copy, PATIENCE_MILLIS);
		return refreshed == null ? null : refreshed.value();
	}

	/** The refreshed copy, or {@code older} if the read fails or takes too long. */
	private Copy<V> awaitRefresh(K key, Copy<V> older, long patienceMillis) {
		Copy<V> newer = await(refresh(key), older, patienceMillis);
		if (newer != older) {
			// The cache takes the new copy a moment after a waiting caller gets it;
			// storing it now spares the next caller a second read.
			ConcurrentMap<K, Copy<V>> map = this.copies.asMap();
			if (older == null) {
				map.putIfAbsent(key, newer);
			}
			else if (newer == null) {
				map.remove(key, older);
			}
			else {
				map.replace(key, older, newer);
			}
		}
		return newer;
	}

	/** Starts a background read of the key, or joins the one under way. */
	private CompletableFuture<Copy<V>> refresh(K key) {
		try {
			return this.copies.refresh(key);
		}
		catch (RejectedExecutionException e) {
			return CompletableFuture.failedFuture(e);
		}
	}

	private Copy<V> readNow(K key) {
		long readAt = this.ticker.read();
		V value = this.read.apply(key);
		return value == null ? null : new Copy<>(value, readAt);
	}

	private static <T> T await(CompletableFuture<T> read, T fallback, long patienceMillis) {
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

	/**
	 * First reads run on the caller's thread, background reads on {@link #readers}. A
	 * failed background read keeps the older copy (or none) rather than failing, so an
	 * outage is not logged once per key and read.
	 */
	private final class Reads implements CacheLoader<K, Copy<V>> {

		@Override
		public Copy<V> load(K key) {
			return readNow(key);
		}

		@Override
		public CompletableFuture<Copy<V>> asyncLoad(K key, Executor executor) {
			return CompletableFuture.supplyAsync(() -> readOr(key, null), RecentCopies.this.readers);
		}

		@Override
		public CompletableFuture<Copy<V>> asyncReload(K key, Copy<V> older, Executor executor) {
			return CompletableFuture.supplyAsync(() -> readOr(key, older), RecentCopies.this.readers);
		}

		private Copy<V> readOr(K key, Copy<V> older) {
			try {
				return readNow(key);
			}
			catch (RuntimeException e) {
				log.debug("Keeping the older copy of {}: {}", key, e.toString());
				return older;
			}
		}

	}

}
