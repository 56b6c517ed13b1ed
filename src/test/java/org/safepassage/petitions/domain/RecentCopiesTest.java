package org.safepassage.petitions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stale-while-refresh with a bounded wait, the last copy while the database is away, and
 * bounds: misses are not kept, the size is capped, unread copies are forgotten.
 */
class RecentCopiesTest {

	static final Duration FRESH_FOR = Duration.ofSeconds(1);

	final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	final Ticker ticker = nanos::get;

	final AtomicInteger reads = new AtomicInteger();

	/** Closed by each test that holds a read back, so no reader thread stays blocked. */
	final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseHeldReads() {
		release.countDown();
	}

	RecentCopies<Long, String> copies(Function<Long, String> read) {
		return new RecentCopies<>(FRESH_FOR, 100, id -> {
			reads.incrementAndGet();
			return read.apply(id);
		}, ticker);
	}

	void advance(Duration duration) {
		nanos.addAndGet(duration.toNanos());
	}

	@Test
	void aFreshCopyIsServedWithoutReading() {
		RecentCopies<Long, String> copies = copies(id -> "petition " + id + " read " + reads.get());
		assertThat(copies.get(1L)).isEqualTo("petition 1 read 1");
		advance(Duration.ofMillis(900));
		assertThat(copies.get(1L)).isEqualTo("petition 1 read 1");
		assertThat(reads).hasValue(1);
	}

	@Test
	void anOlderCopyIsReadAgainAndTheNewValueServedWhenItComesInTime() {
		RecentCopies<Long, String> copies = copies(id -> "read " + reads.get());
		assertThat(copies.get(1L)).isEqualTo("read 1");
		advance(FRESH_FOR);
		assertThat(copies.get(1L)).isEqualTo("read 2");
		assertThat(copies.get(1L)).isEqualTo("read 2");
		assertThat(reads).hasValue(2);
	}

	@Test
	void whileTheDatabaseFailsTheLastCopyIsServed() {
		AtomicInteger calls = new AtomicInteger();
		RecentCopies<Long, String> copies = copies(id -> {
			if (calls.incrementAndGet() > 1) {
				throw new IllegalStateException("database away");
			}
			return "last copy";
		});
		assertThat(copies.get(1L)).isEqualTo("last copy");
		for (int i = 0; i < 5; i++) {
			advance(FRESH_FOR);
			assertThat(copies.get(1L)).isEqualTo("last copy");
		}
		assertThat(copies.size()).isEqualTo(1);
	}

	@Test
	void whileTheDatabaseHangsTheLastCopyIsServedAfterABoundedWaitWithOneReadPerKey() {
		AtomicInteger calls = new AtomicInteger();
		RecentCopies<Long, String> copies = copies(id -> {
			if (calls.incrementAndGet() == 1) {
				return "last copy";
			}
			awaitRelease();
			return "new copy";
		});
		assertThat(copies.get(1L)).isEqualTo("last copy");
		advance(FRESH_FOR);
		long started = System.nanoTime();
		for (int i = 0; i < 4; i++) {
			assertThat(copies.get(1L)).isEqualTo("last copy");
		}
		long waited = System.nanoTime() - started;
		assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(Duration.ofMillis(4 * RecentCopies.PATIENCE_MILLIS))
			.isLessThan(Duration.ofSeconds(5));
		assertThat(calls).as("one background read for all four callers").hasValue(2);
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> "new copy".equals(copies.get(1L)));
	}

	@Test
	void theFirstReadFailingIsTheCallersFailureAndKeepsNothing() {
		RecentCopies<Long, String> copies = copies(id -> {
			throw new IllegalStateException("database away");
		});
		assertThatThrownBy(() -> copies.get(1L)).isInstanceOf(IllegalStateException.class);
		assertThat(copies.size()).isZero();
	}

	@Test
	void aKeyWithNothingToReadIsNotKept() {
		RecentCopies<Long, String> copies = copies(id -> id < 10 ? "petition " + id : null);
		for (long id = 1_000; id < 6_000; id++) {
			assertThat(copies.get(id)).isNull();
		}
		assertThat(copies.get(1L)).isEqualTo("petition 1");
		assertThat(copies.size()).isEqualTo(1);
		assertThat(copies.get(1_000L)).isNull();
		assertThat(reads).as("a miss is read again each time").hasValue(5_002);
	}

	@Test
	void atMostTheMaximumNumberOfCopiesIsKept() {
		RecentCopies<Long, String> copies = copies(id -> "petition " + id);
		for (long id = 0; id < 5_000; id++) {
			assertThat(copies.get(id)).isEqualTo("petition " + id);
		}
		assertThat(copies.size()).isLessThanOrEqualTo(100);
	}

	@Test
	void aCopyNobodyReadsIsForgotten() {
		RecentCopies<Long, String> copies = copies(id -> "petition " + id);
		copies.get(1L);
		copies.get(2L);
		advance(RecentCopies.FORGOTTEN_AFTER.minusMinutes(1));
		copies.get(1L);
		advance(Duration.ofMinutes(2));
		assertThat(copies.size()).isEqualTo(1);
		advance(RecentCopies.FORGOTTEN_AFTER);
		assertThat(copies.size()).isZero();
	}

	@Test
	void withNoCopyAReadIsAwaitedForAMomentElseTheStandIn() {
		RecentCopies<Long, String> quick = copies(id -> "evidence " + id);
		assertThat(quick.get(1L, "none", 2_000)).isEqualTo("evidence 1");
		assertThat(quick.size()).isEqualTo(1);

		RecentCopies<Long, String> failing = copies(id -> {
			throw new IllegalStateException("database away");
		});
		assertThat(failing.get(1L, "none", 2_000)).isEqualTo("none");
		assertThat(failing.size()).isZero();

		RecentCopies<Long, String> hanging = copies(id -> {
			awaitRelease();
			return "evidence " + id;
		});
		long started = System.nanoTime();
		assertThat(hanging.get(1L, "none", 100)).isEqualTo("none");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> "evidence 1".equals(hanging.get(1L, "none", 100)));
	}

	@Test
	void aForgottenCopyIsReadAgain() {
		RecentCopies<Long, String> copies = copies(id -> "read " + reads.get());
		assertThat(copies.get(1L)).isEqualTo("read 1");
		copies.forget(1L);
		assertThat(copies.get(1L)).isEqualTo("read 2");
	}

	void awaitRelease() {
		try {
			release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
