package org.safepassage.alerts.delivery;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Spaces messages evenly across all workers; no cap when the rate is 0. */
final class Pace {

	private final long intervalNanos;

	private final AtomicLong next = new AtomicLong(System.nanoTime());

	Pace(double perSecond) {
		this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
	}

	void acquire() {
		if (intervalNanos == 0) {
			return;
		}
		long now = System.nanoTime();
		long slot = Math.max(next.getAndUpdate(p -> Math.max(p, now) + intervalNanos), now);
		if (slot > now) {
			LockSupport.parkNanos(slot - now);
		}
	}

}
