package org.safepassage.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Figures as sources write them, read into bounds; anything unclear is left for a
 * researcher.
 */
class EvidenceReportedFigureTest {

	@ParameterizedTest(name = "\"{0}\" reads as {1} to {2}")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			600                          | 600     | 600
			80 people                    | 80      | 80
			4,000                        | 4000    | 4000
			over 500                     | 500     | none
			Over 500 North Korean refugees | 500   | none
			more than 500                | 500     | none
			at least 500,000             | 500000  | none
			500+                         | 500     | none
			500 or more                  | 500     | none
			hundreds                     | 100     | none
			dozens of families           | 12      | none
			Dozens                       | 12      | none
			more than a dozen            | 12      | none
			a dozen                      | 12      | 12
			thousands                    | 1000    | none
			tens of thousands            | 10000   | none
			500-600                      | 500     | 600
			500–600 people               | 500     | 600
			500 to 600                   | 500     | 600
			between 500 and 600          | 500     | 600
			about 4,000                  | 4000    | 4000
			around 600 women             | 600     | 600
			1.2 million                  | 1200000 | 1200000
			3 thousand                   | 3000    | 3000
			0                            | 0       | 0
			""")
	void readsTheBoundsASourceStates(String text, Long low, Long high) {
		ReportedFigure figure = ReportedFigure.parse(text);
		assertThat(figure.coding()).isEqualTo(ReportedFigure.Coding.PARSED);
		assertThat(figure.low()).isEqualTo(low);
		assertThat(figure.high()).isEqualTo(high);
		assertThat(figure.text()).isEqualTo(text);
	}

	@ParameterizedTest(name = "\"{0}\" is kept as text and flagged")
	@ValueSource(strings = { "", "  ", "several", "many families", "unknown", "up to 600", "nearly 600",
			"fewer than 50", "600, perhaps more", "500 or fewer", "600 in 3 trucks", "12.5", "600-500", "99999999999",
			"five hundred", "500 and 600", "<b>600</b>" })
	void leavesWhatItCannotReadToAResearcher(String text) {
		ReportedFigure figure = ReportedFigure.parse(text);
		assertThat(figure.readable()).isFalse();
		assertThat(figure.coding()).isEqualTo(ReportedFigure.Coding.UNREADABLE);
		assertThat(figure.text()).isEqualTo(text);
	}

	@Test
	void aResearcherMayCodeAFigureByHand() {
		ReportedFigure figure = ReportedFigure.coded("several hundred", 200, null);
		assertThat(figure.readable()).isTrue();
		assertThat(figure.coding()).isEqualTo(ReportedFigure.Coding.MANUAL);
	}

}
