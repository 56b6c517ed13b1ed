package org.safepassage.letters.record;

/** What happened in Parliament. */
public enum RecordKind {

	MOTION_TABLED, QUESTION_ASKED, DEBATE_REQUESTED, DEBATE_HELD, STATEMENT, GOVERNMENT_RESPONSE, GROUP_LETTER

}
