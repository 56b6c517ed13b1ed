package org.safepassage.system.database;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one of the jar's operator commands ({@code backup}, {@code restore},
 * {@code sealing …}) after the command's name: {@code --name value} options, the given
 * flags (options without a value) and the rest in order.
 *
 * @param options each {@code --name} with its value ({@code "true"} for a flag)
 * @param positional the other arguments, in order
 */
public record CommandArguments(Map<String, String> options, List<String> positional) {

	/** Parses {@code args} from index 1 on (index 0 names the command). */
	public static CommandArguments parse(String[] args, Set<String> flags) {
		Map<String, String> options = new HashMap<>();
		List<String> positional = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			if (args[i].startsWith("--") && flags.contains(args[i].substring(2))) {
				options.put(args[i].substring(2), "true");
			}
			else if (args[i].startsWith("--") && i + 1 < args.length) {
				options.put(args[i].substring(2), args[++i]);
			}
			else {
				positional.add(args[i]);
			}
		}
		return new CommandArguments(Map.copyOf(options), List.copyOf(positional));
	}

}
