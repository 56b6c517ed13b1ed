package org.safepassage.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The events an aggregate raised since it was loaded; its repository publishes them after
 * saving it, in the same transaction, so listeners see only what was stored.
 */
public final class PendingEvents {

	private final List<Object> events = new ArrayList<>();

	public void add(Object event) {
		this.events.add(event);
	}

	/** The events raised so far, once: a second call returns only newer ones. */
	public List<Object> release() {
		List<Object> released = List.copyOf(this.events);
		this.events.clear();
		return released;
	}

}
