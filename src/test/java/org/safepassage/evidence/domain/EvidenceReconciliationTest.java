package org.safepassage.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.safepassage.evidence.domain.Reconciliation.Claim;
import org.safepassage.system.i18n.IcuMessageSource;

/** Disagreeing sources become one honest figure with its range. */
class EvidenceReconciliationTest {

	static Claim claim(String figure, Reliability reliability) {
		return new Claim(ReportedFigure.parse(figure), reliability);
	}

	static ReconciledFigure reconcile(Claim... claims) {
		return Reconciliation.reconcile(List.of(claims), null);
	}

	@Test
	void overFiveHundredAndSixHundredMakeFiveToSixHundredFromTwoSources() {
		ReconciledFigure figure = reconcile(claim("over 500", Reliability.RELIABLE),
				claim("600", Reliability.RELIABLE));
		assertThat(figure.low()).isEqualTo(500);
		assertThat(figure.high()).isEqualTo(600);
		assertThat(figure.best()).isEqualTo(500);
		assertThat(figure.sources()).isEqualTo(2);
		assertThat(figure.range(Locale.ENGLISH)).isEqualTo("500–600");
		assertThat(figure.text(messages(), Locale.ENGLISH)).isEqualTo("500–600 (2 sources)");
	}

	@Test
	void aSingleExactFigureIsItsOwnRange() {
		ReconciledFigure figure = reconcile(claim("80", Reliability.RELIABLE));
		assertThat(List.of(figure.low(), figure.best(), figure.high())).containsExactly(80L, 80L, 80L);
		assertThat(figure.text(messages(), Locale.ENGLISH)).isEqualTo("80 (1 source)");
	}

	@Test
	void onlyReliableReportsCountWhenThereAreAny() {
		ReconciledFigure figure = reconcile(claim("600", Reliability.RELIABLE), claim("5,000", Reliability.UNCONFIRMED),
				claim("20", Reliability.PROBABLE));
		assertThat(List.of(figure.low(), figure.best(), figure.high())).containsExactly(600L, 600L, 600L);
		assertThat(figure.sources()).isEqualTo(1);
		assertThat(figure.basis()).isEqualTo(Reliability.RELIABLE);
	}

	@Test
	void withoutReliableReportsTheBestGradedOnesCountAndSaySo() {
		ReconciledFigure figure = reconcile(claim("40", Reliability.PROBABLE), claim("1000", Reliability.UNCONFIRMED));
		assertThat(figure.best()).isEqualTo(40);
		assertThat(figure.basis()).isEqualTo(Reliability.PROBABLE);
	}

	@Test
	void theHighIsTheLowWhenNoSourceGivesAnUpperBound() {
		ReconciledFigure figure = reconcile(claim("over 500", Reliability.RELIABLE),
				claim("hundreds", Reliability.RELIABLE));
		assertThat(figure.low()).isEqualTo(100);
		assertThat(figure.high()).isEqualTo(100);
		assertThat(figure.best()).isEqualTo(100);
		assertThat(figure.openEnded()).isTrue();
		assertThat(figure.text(messages(), Locale.ENGLISH)).isEqualTo("at least 100 (2 sources)");
	}

	@Test
	void theBestEstimateIsTheMiddleFigureAndLeansLowBetweenTwo() {
		ReconciledFigure three = reconcile(claim("100", Reliability.RELIABLE), claim("300", Reliability.RELIABLE),
				claim("200-260", Reliability.RELIABLE));
		assertThat(three.best()).isEqualTo(230);
		assertThat(List.of(three.low(), three.high())).containsExactly(100L, 300L);
	}

	@Test
	void unreadableFiguresAreCountedAsFlaggedNotGuessed() {
		ReconciledFigure figure = reconcile(claim("many", Reliability.RELIABLE), claim("40", Reliability.PROBABLE));
		assertThat(figure.best()).isEqualTo(40);
		assertThat(figure.unreadable()).isEqualTo(1);
		ReconciledFigure none = reconcile(claim("many", Reliability.RELIABLE));
		assertThat(none.known()).isFalse();
		assertThat(none.text(messages(), Locale.ENGLISH)).isEqualTo("Not yet known");
	}

	@Test
	void aResearchersOverrideReplacesTheDerivedFigure() {
		ReconciledFigure figure = Reconciliation.reconcile(
				List.of(claim("over 500", Reliability.RELIABLE), claim("600", Reliability.RELIABLE)),
				new Reconciliation.Override(550, 580, 600, "Later testimony"));
		assertThat(List.of(figure.low(), figure.best(), figure.high())).containsExactly(550L, 580L, 600L);
		assertThat(figure.overridden()).isTrue();
		assertThat(figure.text(messages(), Locale.ENGLISH)).isEqualTo("550–600 (researchers' estimate, 2 sources)");
	}

	/** The application's message source: plurals are ICU patterns. */
	static IcuMessageSource messages() {
		IcuMessageSource messages = new IcuMessageSource();
		messages.setBasename("messages/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
