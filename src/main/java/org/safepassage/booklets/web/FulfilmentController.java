package org.safepassage.booklets.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.booklets.domain.BookletRepository;
import org.safepassage.booklets.fulfilment.Fulfilment;
import org.safepassage.booklets.fulfilment.FulfilmentCsv;
import org.safepassage.shared.Countries;
import org.safepassage.shared.StaffAction;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The fulfilment list: confirmed orders waiting to be posted, filtered by booklet and
 * country, exported as CSV for the mailing house, marked dispatched one by one or all
 * ticked at once, or cancelled (the copies go back to the stock). Every change and every
 * export is in the audit log.
 */
@Controller
class FulfilmentController {

	/** Orders shown on one page; the export holds up to {@link Fulfilment#MAX_ROWS}. */
	static final int PAGE = 500;

	static final String ORDERS = "/admin/booklets/orders";

	private final Fulfilment fulfilment;

	private final FulfilmentCsv csv;

	private final BookletRepository booklets;

	private final Clock clock;

	FulfilmentController(Fulfilment fulfilment, FulfilmentCsv csv, BookletRepository booklets, Clock clock) {
		this.fulfilment = fulfilment;
		this.csv = csv;
		this.booklets = booklets;
		this.clock = clock;
	}

	@GetMapping(ORDERS)
	String list(@RequestParam(defaultValue = "") String booklet, @RequestParam(defaultValue = "") String country,
			Locale locale, Model model) {
		Fulfilment.Filter filter = filter(booklet, country);
		model.addAttribute("orders", fulfilment.toFulfil(filter, PAGE));
		model.addAttribute("total", fulfilment.countToFulfil(filter));
		model.addAttribute("filter", filter);
		model.addAttribute("booklets", booklets.all());
		List<String> countries = fulfilment.countriesToFulfil();
		model.addAttribute("countryCodes", countries);
		model.addAttribute("countryNames", countries.stream().map(c -> Countries.name(c, locale)).toList());
		model.addAttribute("query", query(filter));
		return "admin/booklets/orders";
	}

	@GetMapping(ORDERS + ".csv")
	void export(@RequestParam(defaultValue = "") String booklet, @RequestParam(defaultValue = "") String country,
			HttpServletResponse response) throws IOException {
		Fulfilment.Filter filter = filter(booklet, country);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"booklet-orders-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".csv\"");
		response.setHeader("Cache-Control", "no-store");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		csv.write(fulfilment.toFulfil(filter, Fulfilment.MAX_ROWS), out);
		out.flush();
	}

	/** Marks every ticked order dispatched. */
	@PostMapping(ORDERS + "/dispatch")
	String dispatchTicked(@RequestParam(name = "ids", required = false) List<String> ids,
			@RequestParam(defaultValue = "") String booklet, @RequestParam(defaultValue = "") String country,
			Principal principal, RedirectAttributes redirect) {
		List<Long> orders = ids == null ? List.of()
				: ids.stream().limit(Fulfilment.MAX_ROWS).map(Numbers::orNull).filter(Objects::nonNull).toList();
		if (orders.isEmpty()) {
			redirect.addFlashAttribute("ruleError", "booklets.orders.noneTicked");
		}
		else {
			redirect.addFlashAttribute("dispatched", fulfilment.dispatch(orders, principal.getName()));
		}
		return "redirect:" + ORDERS + query(filter(booklet, country));
	}

	@PostMapping(ORDERS + "/{order}/dispatch")
	String dispatch(@PathVariable long order, @RequestParam(defaultValue = "") String booklet,
			@RequestParam(defaultValue = "") String country, Principal principal, RedirectAttributes redirect) {
		redirect.addFlashAttribute("dispatched", fulfilment.dispatch(List.of(order), principal.getName()));
		return "redirect:" + ORDERS + query(filter(booklet, country));
	}

	@PostMapping(ORDERS + "/{order}/cancel")
	String cancel(@PathVariable long order, @RequestParam(defaultValue = "") String booklet,
			@RequestParam(defaultValue = "") String country, Principal principal, RedirectAttributes redirect) {
		return StaffAction.thenRedirect(() -> fulfilment.cancel(order, principal.getName()), redirect,
				ORDERS + query(filter(booklet, country)));
	}

	/**
	 * Anything but a number and a known country code is ignored: all orders are shown.
	 */
	private static Fulfilment.Filter filter(String booklet, String country) {
		String code = country.strip().toUpperCase(Locale.ROOT);
		return new Fulfilment.Filter(Numbers.orNull(booklet), Countries.isKnown(code) ? code : null);
	}

	private static String query(Fulfilment.Filter filter) {
		return UriComponentsBuilder.newInstance()
			.queryParamIfPresent("booklet", Optional.ofNullable(filter.bookletId()))
			.queryParamIfPresent("country", Optional.ofNullable(filter.country()))
			.build()
			.toUriString();
	}

}
