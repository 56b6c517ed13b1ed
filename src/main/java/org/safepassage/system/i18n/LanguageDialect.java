package org.safepassage.system.i18n;

import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.shared.LocalDates;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.web.servlet.IServletWebExchange;

/**
 * Two expression objects for templates:
 * <ul>
 * <li>{@code #languages}: the page's {@link PageLanguages} (switcher, alternates,
 * canonical), used by the layout;</li>
 * <li>{@code #local}: dates in the reader's language ({@code #local.day(x)},
 * {@code #local.month(x)}, {@code #local.dayTime(x)}), used instead of
 * {@code #temporals.format} with an English pattern.</li>
 * </ul>
 */
class LanguageDialect extends AbstractDialect implements IExpressionObjectDialect {

	private final List<Locale> supported;

	private final List<String> names;

	private final String baseUrl;

	LanguageDialect(List<Locale> supported, List<String> names, String baseUrl) {
		super("safepassage-languages");
		this.supported = List.copyOf(supported);
		this.names = List.copyOf(names);
		this.baseUrl = baseUrl;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("languages", "local");
			}

			@Override
			public Object buildObject(IExpressionContext context, String name) {
				if (name.equals("local")) {
					return new Local(context.getLocale());
				}
				if (context instanceof IWebContext web && web.getExchange() instanceof IServletWebExchange exchange
						&& exchange.getNativeRequestObject() instanceof HttpServletRequest request) {
					HttpServletResponse response = exchange.getNativeResponseObject() instanceof HttpServletResponse r
							? r : null;
					return PageLanguages.of(request, response, context.getLocale(), supported, names, baseUrl);
				}
				return null;
			}

			@Override
			public boolean isCacheable(String name) {
				return true;
			}

		};
	}

	/** Dates in the language of the page being rendered. */
	public record Local(Locale locale) {

		public String day(TemporalAccessor date) {
			return LocalDates.format(date, locale, LocalDates.Style.DAY);
		}

		public String month(TemporalAccessor date) {
			return LocalDates.format(date, locale, LocalDates.Style.MONTH);
		}

		public String shortMonth(TemporalAccessor date) {
			return LocalDates.format(date, locale, LocalDates.Style.SHORT_MONTH);
		}

		public String dayTime(TemporalAccessor date) {
			return LocalDates.format(date, locale, LocalDates.Style.DAY_TIME);
		}

		public String dayTimeZone(TemporalAccessor date) {
			return LocalDates.format(date, locale, LocalDates.Style.DAY_TIME_ZONE);
		}

	}

}
