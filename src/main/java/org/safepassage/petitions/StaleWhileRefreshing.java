package org.safepassage.petitions;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits a moment for a fresh value; otherwise, or if reading fails, answers with the last one. */
final class StaleWhileRefreshing {

	static final long PATIENCE_MILLIS = 250;

	private StaleWhileRefreshing() {
	}

	static <T> T await(CompletableFuture<T> refresh, T stale) {
		return await(refresh, stale, PATIENCE_MILLIS);
	}

	static <T> T await(CompletableFuture<T> refresh, T stale, long patienceMillis) {
		try {
			return refresh.get(patienceMillis, TimeUnit.MILLISECONDS);
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
