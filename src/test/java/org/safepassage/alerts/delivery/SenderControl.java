package org.safepassage.alerts.delivery;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Steers the alert sender in tests: stops it as if its process were not running (waiting
 * for a round in progress to end), or kills it after some marks, leaving its claims
 * leased. Register it with {@link AlertSender#hooks(SenderHooks)} and put
 * {@link SenderHooks#NONE} back after the test.
 */
final class SenderControl implements SenderHooks {

	private final ReentrantLock rounds = new ReentrantLock();

	private final AtomicInteger completedRounds = new AtomicInteger();

	private final AtomicInteger marked = new AtomicInteger();

	private volatile boolean stopped;

	private volatile int crashAfter;

	@Override
	public void round(Runnable round) {
		if (this.stopped || !this.rounds.tryLock()) {
			return;
		}
		try {
			if (!this.stopped) {
				round.run();
				this.completedRounds.incrementAndGet();
			}
		}
		finally {
			this.rounds.unlock();
		}
	}

	/** Once crashed, every worker dies at its next mark. */
	@Override
	public void marked() {
		int limit = this.crashAfter;
		if (limit > 0 && (this.stopped || this.marked.incrementAndGet() >= limit)) {
			this.stopped = true;
			throw new SimulatedCrash();
		}
	}

	/** Stops the sender and waits for a round in progress to end. */
	void stop() {
		this.stopped = true;
		this.rounds.lock();
		this.rounds.unlock();
	}

	void start() {
		this.stopped = false;
	}

	/** The sender dies after this many marks from now; 0: never. */
	void crashAfter(int marks) {
		this.marked.set(0);
		this.crashAfter = marks;
	}

	boolean stopped() {
		return this.stopped;
	}

	/** Rounds run to their end since this control was made. */
	int rounds() {
		return this.completedRounds.get();
	}

	/** The worker stops dead, like a killed process. */
	static final class SimulatedCrash extends RuntimeException {

		SimulatedCrash() {
			super("simulated crash", null, false, false);
		}

	}

}
