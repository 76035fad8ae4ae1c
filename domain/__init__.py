"""The Peer-Learning domain: series, enrolments and the rules between them."""
