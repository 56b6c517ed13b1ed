package org.safepassage.evidence.timeline;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.store.EvidenceCatalogue;

/**
 * People affected per month from published incidents of one kind: the best estimate with
 * its low–high band, and the running totals. Incidents dated less precisely than a month
 * are listed apart rather than spread over months they may not belong to; estimates are
 * never part of it.
 */
public record Timeline(IncidentKind kind, List<Month> months, List<EvidenceCatalogue.Listed> imprecise,
		List<EvidenceCatalogue.Listed> withoutFigure) {

	public record Month(YearMonth month, long low, long best, long high, long cumulativeLow, long cumulativeBest,
			long cumulativeHigh, List<EvidenceCatalogue.Listed> incidents) {
	}

	/**
	 * Months from the first to the last with an incident, quiet months included as zero.
	 */
	public static Timeline of(IncidentKind kind, List<EvidenceCatalogue.Listed> incidents) {
		Map<YearMonth, List<EvidenceCatalogue.Listed>> byMonth = new TreeMap<>();
		List<EvidenceCatalogue.Listed> imprecise = new ArrayList<>();
		List<EvidenceCatalogue.Listed> withoutFigure = new ArrayList<>();
		for (EvidenceCatalogue.Listed listed : incidents) {
			if (!listed.figure().known()) {
				withoutFigure.add(listed);
				continue;
			}
			listed.content()
				.date()
				.month()
				.ifPresentOrElse(month -> byMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(listed),
						() -> imprecise.add(listed));
		}
		List<Month> months = new ArrayList<>();
		if (!byMonth.isEmpty()) {
			YearMonth first = ((TreeMap<YearMonth, ?>) byMonth).firstKey();
			YearMonth last = ((TreeMap<YearMonth, ?>) byMonth).lastKey();
			long cumulativeLow = 0;
			long cumulativeBest = 0;
			long cumulativeHigh = 0;
			for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
				List<EvidenceCatalogue.Listed> in = byMonth.getOrDefault(m, List.of());
				long low = in.stream().mapToLong(l -> l.figure().low()).sum();
				long best = in.stream().mapToLong(l -> l.figure().best()).sum();
				long high = in.stream().mapToLong(l -> l.figure().high()).sum();
				cumulativeLow += low;
				cumulativeBest += best;
				cumulativeHigh += high;
				months.add(new Month(m, low, best, high, cumulativeLow, cumulativeBest, cumulativeHigh, in));
			}
		}
		return new Timeline(kind, months, imprecise, withoutFigure);
	}

	public long total() {
		return months.isEmpty() ? 0 : months.getLast().cumulativeBest();
	}
}
