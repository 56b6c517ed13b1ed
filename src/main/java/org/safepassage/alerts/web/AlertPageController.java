package org.safepassage.alerts.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.alerts.domain.AlertRepository;
import org.safepassage.alerts.domain.AlertsProperties;
import org.safepassage.shared.NotFoundException;
import org.safepassage.system.sharing.ShareCard;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public archive, one alert, its "I prayed" button and the Atom feed. */
@Controller
class AlertPageController {

	static final int PAGE_SIZE = 20;

	private final AlertRepository alerts;

	private final AlertViews views;

	private final AlertFeed feed;

	private final AlertsProperties properties;

	private final PrayersPerAddress prayersPerAddress;

	private final Clock clock;

	AlertPageController(AlertRepository alerts, AlertViews views, AlertFeed feed, AlertsProperties properties,
			PrayersPerAddress prayersPerAddress, Clock clock) {
		this.alerts = alerts;
		this.views = views;
		this.feed = feed;
		this.properties = properties;
		this.prayersPerAddress = prayersPerAddress;
		this.clock = clock;
	}

	@GetMapping("/alerts")
	String archive(@RequestParam(required = false) String language, @RequestParam(defaultValue = "0") int page,
			Locale locale, Model model) {
		List<String> available = alerts.archiveLanguages(properties.languages());
		String reader = properties.language(locale.toLanguageTag());
		// Without a choice: alerts available in the reader's language (written in it or
		// completely translated into it) if there are any, else those of the first
		// language, each shown in the reader's language where translated and marked
		// where not.
		String chosen = language != null && properties.languages().contains(language) ? language
				: available.contains(reader) ? reader : properties.languages().getFirst();
		int pageNumber = Math.max(0, Math.min(page, 10_000));
		AlertRepository.Page found = alerts.archive(chosen, PAGE_SIZE, pageNumber * PAGE_SIZE);
		model.addAttribute("language", chosen);
		model.addAttribute("languages", available);
		model.addAttribute("alerts", found.alerts().stream().map(a -> views.view(a, locale)).toList());
		model.addAttribute("previousPage", pageNumber > 0 ? pageNumber - 1 : null);
		model.addAttribute("nextPage", (long) (pageNumber + 1) * PAGE_SIZE < found.total() ? pageNumber + 1 : null);
		return "alerts/list";
	}

	@GetMapping("/alerts/{id:\\d+}")
	String show(@PathVariable long id, Locale locale, Model model, HttpServletRequest request) {
		AlertRepository.Stored stored = publicAlert(id);
		AlertViews.AlertView alert = views.view(stored, locale);
		model.addAttribute("alert", alert);
		model.addAttribute(ShareCard.MODEL_NAME, AlertCardController.shareCard(alert));
		model.addAttribute("prayedToday", prayedToday(request, id));
		return "alerts/show";
	}

	/**
	 * Counts a prayer at most once per browser per day, which a cookie that expires at
	 * midnight remembers, and at most a few times per client address per day, which only
	 * memory holds (see {@link PrayersPerAddress}): a script that drops cookies cannot
	 * inflate the count. Nothing about the person is stored.
	 */
	@PostMapping("/alerts/{id:\\d+}/prayed")
	String prayed(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
		AlertRepository.Stored stored = publicAlert(id);
		if (stored.alert().acceptsPrayers() && !prayedToday(request, id)) {
			ZonedDateTime now = ZonedDateTime.now(clock.withZone(properties.zone()));
			if (prayersPerAddress.count(id, now.toLocalDate(), request.getRemoteAddr())) {
				alerts.prayed(id);
			}
			ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(properties.zone());
			Cookie cookie = new Cookie(prayedCookie(id), now.toLocalDate().toString());
			cookie.setMaxAge((int) Math.max(1, Duration.between(now, midnight).toSeconds()));
			cookie.setPath("/alerts/" + id);
			cookie.setHttpOnly(true);
			cookie.setSecure(request.isSecure());
			cookie.setAttribute("SameSite", "Lax");
			response.addCookie(cookie);
		}
		return "redirect:/alerts/" + id + "?prayed#pray";
	}

	@GetMapping("/alerts/feed/{language}.atom")
	ResponseEntity<String> atom(@PathVariable String language) {
		if (!properties.languages().contains(language)) {
			throw new NotFoundException("No feed in " + language);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(feed.atom(language));
	}

	private AlertRepository.Stored publicAlert(long id) {
		return alerts.find(id)
			.filter(a -> a.alert().state().isPublic())
			.orElseThrow(() -> new NotFoundException("No alert " + id));
	}

	private boolean prayedToday(HttpServletRequest request, long id) {
		Cookie[] cookies = request.getCookies();
		String today = LocalDate.now(clock.withZone(properties.zone())).toString();
		return cookies != null && Arrays.stream(cookies)
			.anyMatch(c -> c.getName().equals(prayedCookie(id)) && today.equals(c.getValue()));
	}

	private static String prayedCookie(long id) {
		return "prayed-" + id;
	}

}
