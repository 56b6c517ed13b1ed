package org.safepassage.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

	@Test
	void formulaLikeTextIsWrittenInertAndReadBackAsTyped() {
		for (String text : new String[] { "=HYPERLINK(\"http://evil.example\")", "+1", "-5", "@SUM(A1)", "\tx" }) {
			assertThat(SpreadsheetCells.protect(text)).isEqualTo("'" + text);
			assertThat(SpreadsheetCells.unprotect(SpreadsheetCells.protect(text))).isEqualTo(text);
		}
	}

	@Test
	void ordinaryTextIsLeftAlone() {
		assertThat(SpreadsheetCells.protect("Human Rights Watch")).isEqualTo("Human Rights Watch");
		assertThat(SpreadsheetCells.unprotect("'quoted'")).isEqualTo("'quoted'");
		assertThat(SpreadsheetCells.protect(null)).isNull();
		assertThat(SpreadsheetCells.protect("")).isEmpty();
	}

}
