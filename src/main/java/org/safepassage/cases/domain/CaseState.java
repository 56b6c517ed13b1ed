package org.safepassage.cases.domain;

/**
 * Where a case is on its way to the public. What the public sees is the approved copy
 * ({@link Case#published()}), which a published case keeps while changes to it wait for
 * review.
 */
public enum CaseState {

	DRAFT, PENDING_REVIEW, PUBLISHED, WITHDRAWN

}
