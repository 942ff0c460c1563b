-- Bar 4: stored classes (lake built with scoring.file = conf/scoring-classes.conf): per year, retailers, NULL/unclassified classes, class counts
SELECT year, count(*) AS retailers, count_if(class IS NULL) AS null_class, count_if(class = 'unclassified') AS unclassified,
       count(DISTINCT class) AS classes,
       count_if(class = 'key_large') AS key_large, count_if(class = 'key') AS key, count_if(class = 'modern_mid') AS modern_mid,
       count_if(class = 'traditional_mid') AS traditional_mid, count_if(class = 'graded_low') AS graded_low,
       count_if(class = 'sizeable_low') AS sizeable_low, count_if(class = 'small_low') AS small_low,
       count_if(segment IS NULL) AS null_segment, count_if(preferred_remote = 'wechat') AS prefer_wechat
FROM retailer_segment GROUP BY year ORDER BY year
