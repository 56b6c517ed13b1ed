package org.safepassage.booklets.domain;

/** Whether supporters see and can order a booklet. */
public enum BookletState {

	DRAFT, PUBLISHED, UNPUBLISHED

}
