package org.safepassage.cases.domain;

/** As the person wishes it told; {@code UNDISCLOSED} when not. */
public enum Gender {

	FEMALE, MALE, UNDISCLOSED

}
