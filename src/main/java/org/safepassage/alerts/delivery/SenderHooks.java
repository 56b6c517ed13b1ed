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
	 * Called by the mail engine after the server accepted each alert mail; an exception
	 * stops that worker at once: the mails it had accepted are marked sent, its other
	 * claims stay leased (as if the process died right after a mark).
	 */
	default void marked() {
	}

}
