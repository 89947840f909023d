// Landing page for signed-out visitors. Campaign parameters (utm_* / ref) on this or any other
// landing URL are stored by the shell (app/useSessionEffects.ts) to credit the sign-up; arriving
// here also records a landing_view, credited to the campaign of this URL's parameters.
import { useEffect } from "react";
import { Link, useLocation } from "react-router";
import { trackLanding } from "../../data/track";
import { Screen } from "../../ui/Screen";

export function WelcomeScreen() {
  const location = useLocation();
  useEffect(() => {
    trackLanding({ pathname: location.pathname, search: location.search });
    // Only the URL the visitor arrived with (trackLanding sends once per page load anyway).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Screen
      title="Ideas on demand"
      documentTitle="Welcome"
      lead="Tell IdeaSpark what you need ideas for — a product, a campaign, a talk, a gift — and get a set of structured, actionable ideas, written live as you watch."
      testId="welcome-screen"
    >
      <ul className="feature-list">
        <li>
          <strong>Brief it once.</strong> Topic, audience, constraints and tone; IdeaSpark does the
          rest.
        </li>
        <li>
          <strong>Keep what works.</strong> Star the ideas you like and ask for more like them.
        </li>
        <li>
          <strong>Works where you are.</strong> Install it on your phone; your history opens
          offline.
        </li>
      </ul>
      <div className="button-row">
        <Link className="button button-primary" to="/signup">
          Create a free account
        </Link>
        <Link className="button button-secondary" to="/signin">
          Sign in
        </Link>
      </div>
    </Screen>
  );
}
