package org.assay.connectors.web.internal;

import java.util.regex.Pattern;

/**
 * Tells robots from people by the user agent: the words crawlers, monitors and HTTP libraries
 * put in theirs (Googlebot, bingbot, AhrefsBot, Slurp, curl, python-requests, HeadlessChrome,
 * ...), and a missing agent, which browsers always send. A heuristic: a robot that claims to be
 * a browser passes.
 */
final class Bots {

    private static final Pattern ROBOT = Pattern.compile("bot\\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit"
            + "|embedly|preview|monitor|uptime|pingdom|headless|phantomjs|curl/|wget/|python-requests|python-urllib"
            + "|aiohttp|go-http-client|java/|okhttp|libwww|httpclient|scrapy|feedfetcher|mediapartners",
            Pattern.CASE_INSENSITIVE);

    private Bots() {
    }

    static boolean isBot(String userAgent) {
        return userAgent == null || userAgent.isBlank() || userAgent.equals("-") || ROBOT.matcher(userAgent).find();
    }
}
