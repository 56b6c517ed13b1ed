package org.safepassage.alerts.delivery;

/**
 * Where a test steers the alert sender: it may hold a round back, wait for one to end, or
 * stop the sender dead after some marks, as if its process were killed. The application
 * runs with {@link #NONE}; a test registers its own with
 * {@link AlertSender#hooks(SenderHooks)}.
 */
interface SenderHooks {

	SenderHooks NONE = new SenderHooks() {
	};

	/** Runs one scheduled round of sending. */
	default void round(Runnable round) {
		round.run();
	}

	/**
	 * Called by an SMTP worker after each delivery it marked sent; an exception stops
	 * that worker at once, leaving its other claims leased.
	 */
	default void marked() {
	}

}
