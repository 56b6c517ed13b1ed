package org.safepassage.letters.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.letters.sending.FollowUps;
import org.safepassage.letters.writing.Confirmation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages mailed links open: confirming one's letters, and saying whether a
 * representative replied. A GET only shows (mail scanners open links); a POST acts.
 */
@Controller
class LetterLinksController {

	private final Confirmation confirmation;

	private final FollowUps followUps;

	LetterLinksController(Confirmation confirmation, FollowUps followUps) {
		this.confirmation = confirmation;
		this.followUps = followUps;
	}

	@GetMapping("/letters/confirm")
	String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return linkPage(confirmation.inspect(token), token, model, response);
	}

	@PostMapping("/letters/confirm")
	String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return linkPage(confirmation.confirm(token), token, model, response);
	}

	private String linkPage(Confirmation.Link link, String token, Model model, HttpServletResponse response) {
		boolean justConfirmed = link.status() == Confirmation.LinkStatus.JUST_CONFIRMED;
		model.addAttribute("link", link);
		model.addAttribute("token", token);
		model.addAttribute("status", justConfirmed ? Confirmation.LinkStatus.CONFIRMED.name() : link.status().name());
		model.addAttribute("justConfirmed", justConfirmed);
		response.setStatus(switch (link.status()) {
			case VALID, JUST_CONFIRMED, CONFIRMED -> 200;
			case EXPIRED -> 410;
			case UNKNOWN -> 404;
		});
		return "letters/confirm";
	}

	@GetMapping("/letters/reply")
	String replyPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
		return replyPage(followUps.question(token), token, false, model, response);
	}

	@PostMapping("/letters/reply")
	String answer(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String replied,
			Model model, HttpServletResponse response) {
		if (!replied.equals("yes") && !replied.equals("no")) {
			return replyPage(followUps.question(token), token, false, model, response);
		}
		return replyPage(followUps.answer(token, replied.equals("yes")), token, true, model, response);
	}

	private String replyPage(Optional<FollowUps.Question> question, String token, boolean answered, Model model,
			HttpServletResponse response) {
		if (question.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		model.addAttribute("question", question.orElse(null));
		model.addAttribute("token", token);
		model.addAttribute("answered", answered);
		return "letters/reply";
	}

}
