[datetime]::new(2024, 1, 15).ToString('yyyy-MM-dd')
([datetime]'2024-03-01').AddDays(-1).Day
([datetime]'2024-01-15').DayOfWeek
([datetime]'2024-01-15' - [datetime]'2024-01-01').Days
([datetime]'2024-01-15').Year
[datetime]'2024-01-15' -lt [datetime]'2024-02-01'
[datetime]'2001-11-12' -lt [datetime]'2020-08-01'
([datetime]'2024-01-15T10:30:00').ToString('HH:mm')
[datetime]::UtcNow.Kind
[timespan]::FromMinutes(90).TotalHours
([timespan]'01:30:00').TotalMinutes
[timespan]::new(1, 2, 3).ToString()
[guid]::Empty.ToString()
([guid]'6F9619FF-8B86-D011-B42D-00C04FC964FF').ToString()
[guid]::NewGuid().ToString().Length
[guid]::NewGuid() -ne [guid]::NewGuid()
([guid]::NewGuid()).GetType().Name
