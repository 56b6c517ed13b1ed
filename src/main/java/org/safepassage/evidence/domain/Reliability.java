package org.safepassage.evidence.domain;

/** A researcher's grade of a source report, best first. */
public enum Reliability {

	/** First-hand, or independently verified. */
	RELIABLE,
	/** A credible organisation reporting what others saw. */
	PROBABLE,
	/** Not confirmed by anyone else. */
	UNCONFIRMED;

	boolean isBetterThan(Reliability other) {
		return ordinal() < other.ordinal();
	}

}
