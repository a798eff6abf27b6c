/**
 * Loads every demo site: each module registers its server with ./site (Instagram's is built
 * into ./site), the two made-up marketplaces included.
 */
import './youtube';
import './tiktok';
import './x';
import './marketplace';
import './instagram-current';
